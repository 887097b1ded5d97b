/**
 * The layer rules `npm run lint` keeps (dependency-cruiser 17, the last major that runs on Node 20).
 * The answering core (knowledge, search, engine, intents, digest) imports no adapter; renderers
 * import no store, Slack app or delivery; delivery never reaches back into the Slack app; no cycles;
 * no package imported that package.json does not declare.
 */
const CORE = '^(src/(knowledge|search|engine|digest)/|intents/)';
const ADAPTERS = '^src/(slack|store|cli|delivery|render)(/|\\.ts$)|^src/(cli|main|console)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'core-imports-no-adapter',
      comment:
        'knowledge, search, engine, intents and digest answer questions and build digests; they must not know about Slack, the store, the CLI, delivery or rendering. Move the code to an adapter, or pass what the core needs in as a plain value.',
      severity: 'error',
      from: { path: CORE },
      to: { path: ADAPTERS },
    },
    {
      name: 'render-imports-no-state',
      comment: 'Renderers turn values into text, JSON or Block Kit; they must not reach the store, the Slack app, delivery or the CLI.',
      severity: 'error',
      from: { path: '^src/render/' },
      to: { path: '^src/(slack|store|delivery|cli)(/|\\.ts$)|^src/(cli|main|console)\\.ts$' },
    },
    {
      name: 'delivery-imports-no-slack-app',
      comment: 'The Slack app calls delivery (main.ts wires them); delivery posting through its own client must not import the Bolt listeners.',
      severity: 'error',
      from: { path: '^src/delivery/' },
      to: { path: '^src/slack/' },
    },
    {
      name: 'no-circular',
      comment: 'A cycle makes load order matter and layers blur; break it by moving the shared piece down a layer.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-undeclared-dependency',
      comment: 'A package imported but not in package.json (e.g. @slack/web-api, which comes with Bolt) can vanish in an upgrade: import it through the declared package (Bolt exports webApi and types) or declare it.',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
