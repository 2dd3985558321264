// Placeholder until the migration runner lands; see issue 2.
export async function migrate(_url: string): Promise<{ applied: string[] }> {
  return { applied: [] };
}
