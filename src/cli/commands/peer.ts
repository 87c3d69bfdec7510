/**
 * `tandem peer self|add|list|remove`: this node's identity (what a partner
 * registers) and the partner nodes this node exchanges with.
 */
import type { Command } from 'commander';
import { ensureNodeIdentity } from '../../modules/federation/node-identity.js';
import { presentNodeIdentity } from '../../modules/federation/peers.presenter.js';
import { peerInputSchema } from '../../modules/federation/peers.schema.js';
import { addPeer, listPeersFor, removePeer } from '../../modules/federation/peers.service.js';
import { listPeerSync } from '../../modules/federation/sync.repository.js';
import { fail, withNode } from '../runtime.js';
import { formatIssues } from './format.js';

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerPeer(program: Command): void {
  const peer = program.command('peer').description('partner nodes this node exchanges with');

  peer
    .command('self')
    .description("this node's id, name and public key: what a partner needs to add it as a peer")
    .action(async () => {
      await withNode(async (context) => {
        const identity = await ensureNodeIdentity(
          context.storage.db,
          context.clock,
          await context.nodeName(),
        );
        const shown = presentNodeIdentity(identity);
        console.log(
          `node id\t${shown.nodeId}\nname\t${shown.name}\npublic key\t${shown.publicKey}\nkey id\t${shown.keyId}`,
        );
      });
    });

  peer
    .command('add')
    .description('register a peer node')
    .requiredOption(
      '--id <nodeId>',
      "the peer's node id (identity--…; `tandem peer self` on the peer shows it)",
    )
    .requiredOption('--name <name>', 'a name for the peer')
    .requiredOption('--url <baseUrl>', "the peer's base URL (https, or http on this machine)")
    .requiredOption('--key <publicKey>', "the peer's Ed25519 public key (base64url)")
    .requiredOption(
      '--org <orgId>',
      'an organisation the peer hosts (repeat for each)',
      collect,
      [],
    )
    .action(
      async (options: { id: string; name: string; url: string; key: string; org: string[] }) => {
        const input = peerInputSchema.safeParse({
          nodeId: options.id,
          name: options.name,
          baseUrl: options.url,
          publicKey: options.key,
          orgIds: options.org,
        });
        if (!input.success) fail(formatIssues(input.error.issues));
        await withNode(async (context) => {
          const added = await addPeer(context.identity, input.data, undefined);
          if (!added.ok) fail(added.error.replaceAll('_', ' '));
          console.log(added.value.id);
        });
      },
    );

  peer
    .command('list')
    .description('list peers with their pull state')
    .action(async () => {
      await withNode(async (context) => {
        const listed = await listPeersFor(context.identity, undefined);
        if (!listed.ok) fail(listed.error);
        const states = new Map((await listPeerSync(context.storage.db)).map((s) => [s.peer_id, s]));
        for (const p of listed.value) {
          const state = states.get(p.id);
          console.log(
            [
              p.id,
              p.name,
              p.base_url,
              p.orgIds.join(','),
              state?.last_success_at ?? 'never pulled',
              state?.last_error ?? '',
            ].join('\t'),
          );
        }
      });
    });

  peer
    .command('remove')
    .description('remove a peer (records received from it stay)')
    .argument('<nodeId>', "the peer's node id")
    .action(async (nodeId: string) => {
      await withNode(async (context) => {
        const removed = await removePeer(context.identity, nodeId, undefined);
        if (!removed.ok) fail(removed.error.replaceAll('_', ' '));
        console.log(`removed ${nodeId}`);
      });
    });
}
