/**
 * Which module each plugin rule came from (see plugins.ts), so the engine can have its worker
 * threads load the same modules: a rule object cannot cross to a thread, a module path can.
 * Rules given as objects (through the library) have no module and run in the main thread.
 */
const modules = new WeakMap<object, string>();

export function recordPluginModule(rule: object, file: string): void {
  modules.set(rule, file);
}

/** The plugin modules `rules` came from, each once, in order; undefined when a rule came from none. */
export function pluginModulesOf(rules: readonly object[]): string[] | undefined {
  const files: string[] = [];
  for (const rule of rules) {
    const file = modules.get(rule);
    if (file === undefined) return undefined;
    if (!files.includes(file)) files.push(file);
  }
  return files;
}
