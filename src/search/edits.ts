/** One edit apart: a letter added, dropped, changed, or two neighbours swapped ("helo", "waht", "mnay"). */
export function oneEditApart(word: string, target: string): boolean {
  if (word === target || Math.abs(word.length - target.length) > 1) return false;
  if (word.length === target.length) {
    const diff: number[] = [];
    for (let i = 0; i < word.length; i++) if (word[i] !== target[i]) diff.push(i);
    return diff.length === 1 || (diff.length === 2 && diff[1] === diff[0] + 1 && word[diff[0]] === target[diff[1]] && word[diff[1]] === target[diff[0]]);
  }
  const [short, long] = word.length < target.length ? [word, target] : [target, word];
  for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}
