import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkedOutput, rememberChecked } from './checked-bodies.js';

const schema = z.object({
  title: z.string(),
  marking: z.string(),
  releasableTo: z.array(z.string()),
});
const other = z.object({ title: z.string() });
const sharing = { marking: 'TLP:AMBER', releasableTo: ['identity--a', 'identity--b'] };

describe('checked bodies', () => {
  it('gives back the parse a mapper made, for the same body, schema and sharing', () => {
    const output = schema.parse({ title: 'Road closed', ...sharing });
    const body = { title: output.title };
    rememberChecked(body, schema, sharing, output);
    expect(
      checkedOutput(body, schema, { ...sharing, releasableTo: [...sharing.releasableTo] }),
    ).toBe(output);
  });

  it('answers nothing for another body, schema, marking or release list', () => {
    const output = schema.parse({ title: 'Road closed', ...sharing });
    const body = { title: output.title };
    rememberChecked(body, schema, sharing, output);
    expect(checkedOutput({ title: output.title }, schema, sharing)).toBeUndefined();
    expect(checkedOutput(body, other, sharing)).toBeUndefined();
    expect(checkedOutput(body, schema, { ...sharing, marking: 'TLP:GREEN' })).toBeUndefined();
    expect(
      checkedOutput(body, schema, { ...sharing, releasableTo: ['identity--a'] }),
    ).toBeUndefined();
    expect(
      checkedOutput(body, schema, { ...sharing, releasableTo: ['identity--b', 'identity--a'] }),
    ).toBeUndefined();
  });
});
