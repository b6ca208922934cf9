// graphql-ws names its WebSocket adapter in package.json "exports" only, which this
// project's module resolution (node10, for CommonJS output) does not read; Node does.
declare module 'graphql-ws/use/ws' {
  export * from 'graphql-ws/dist/use/ws';
}
