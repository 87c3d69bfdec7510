/**
 * The air gap from the command line: `tandem export --peer ID [--since C]
 * FILE` writes the signed bundle the peer would pull, and `tandem import
 * FILE` applies a peer's bundle with the same checks as a pull.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import type { AppContext } from '../../app/context.js';
import { exportBundle, importBundle } from '../../modules/federation/airgap.service.js';
import { ensureNodeIdentity, signingKeyOf } from '../../modules/federation/node-identity.js';
import { findPeer } from '../../modules/federation/peers.repository.js';
import { fail, withNode } from '../runtime.js';

async function exportTo(
  context: AppContext,
  peerId: string,
  since: string | undefined,
  file: string,
) {
  const peer = await findPeer(context.storage.db, peerId);
  if (!peer) fail(`no peer ${peerId} (tandem peer list shows them)`);
  const identity = await ensureNodeIdentity(
    context.storage.db,
    context.clock,
    await context.nodeName(),
  );
  const out = createWriteStream(file, { encoding: 'utf8', mode: 0o600 });
  const result = await exportBundle(
    { db: context.storage.db, identity, key: signingKeyOf(identity), audit: context.audit },
    peer,
    since,
    async (chunk) => {
      if (!out.write(chunk)) await once(out, 'drain');
    },
  );
  out.end();
  await once(out, 'finish');
  console.log(
    `wrote ${result.objects} objects (${result.records} records) for ${peer.name} to ${file}`,
  );
  if (result.cursor)
    console.log(`next time: tandem export --peer ${peer.id} --since ${result.cursor} FILE`);
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description(
      'write a signed STIX bundle of what a peer may receive, for a peer that is not connected',
    )
    .requiredOption(
      '--peer <nodeId>',
      'the peer the bundle is for: its egress view is what is written',
    )
    .option(
      '--since <cursor>',
      'only objects added after this (the cursor the previous export printed)',
    )
    .argument('<file>', 'the bundle to write (JSON)')
    .action(async (file: string, options: { peer: string; since?: string }) => {
      if (options.since !== undefined && !Number.isFinite(Date.parse(options.since))) {
        fail('--since must be the timestamp a previous export printed');
      }
      await withNode((context) => exportTo(context, options.peer, options.since, file));
    });
}

/** `tandem import FILE`: a bundle from a peer (the `import incidents` subcommand takes CSV). */
export async function importBundleFile(file: string): Promise<void> {
  let bundle: unknown;
  try {
    bundle = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`cannot read ${file} as JSON: ${(error as Error).message}`);
  }
  await withNode(async (context) => {
    const imported = await importBundle(
      {
        db: context.storage.db,
        clock: context.clock,
        audit: context.audit,
        capabilities: context.storage.capabilities,
      },
      bundle,
      (done, total) => process.stderr.write(`applied ${done} of ${total} objects\n`),
    );
    if (!imported.ok) {
      const why = {
        not_a_bundle: 'the file is not a STIX bundle',
        unsigned: 'no object in the bundle is signed by a node',
        unknown_signer: 'the bundle is signed by a node that is not a registered peer',
      }[imported.error];
      fail(why);
    }
    const r = imported.value;
    console.log(
      `from ${r.peer.name}: ${r.stored} stored, ${r.held} already held or vocabulary, ${r.refused} refused`,
    );
    for (const refusal of r.refusals)
      console.log(
        `refused ${refusal.id ?? '(no id)'}: ${refusal.reason ?? ''} ${refusal.detail ?? ''}`,
      );
    if (r.refused > 0) process.exitCode = 2;
  });
}
