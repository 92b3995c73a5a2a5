// An ESLint formatter for `npm run lint:schema:summary`: problems counted per rule and per
// file, so a pass over the schema can see what is left and where (the full list is
// `npm run lint:schema`).
export default function summary(results, context) {
  const byRule = new Map();
  const byFile = [];
  let total = 0;
  for (const result of results) {
    const file = context?.cwd ? result.filePath.slice(context.cwd.length + 1) : result.filePath;
    const rules = new Map();
    for (const message of result.messages) {
      const rule = message.ruleId ?? 'parse error';
      byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
      rules.set(rule, (rules.get(rule) ?? 0) + 1);
      total++;
    }
    if (rules.size) byFile.push([file, result.messages.length, rules]);
  }
  if (total === 0) return 'lint:schema: no problems\n';
  const short = (rule) => rule.replace('@graphql-eslint/', '');
  const lines = [`lint:schema: ${total} problems in ${byFile.length} files`, '', 'per rule:'];
  for (const [rule, count] of [...byRule].sort((a, b) => b[1] - a[1])) lines.push(`  ${String(count).padStart(5)}  ${short(rule)}`);
  lines.push('', 'per file:');
  for (const [file, count, rules] of byFile.sort((a, b) => b[1] - a[1])) {
    const detail = [...rules].map(([rule, n]) => `${short(rule)} ${n}`).join(', ');
    lines.push(`  ${String(count).padStart(5)}  ${file}  (${detail})`);
  }
  return lines.join('\n') + '\n';
}
