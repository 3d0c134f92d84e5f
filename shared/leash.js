// Loaded with `node --import` into every service process the project starts (shared/processes.ts):
// a child on a leash stops when the process that started it is gone, however it went. A parent
// that is killed (SIGKILL, a test worker torn down after a timeout) runs no clean-up of its own,
// and its children used to serve on for minutes; the IPC channel closes whenever the parent's
// process ends, so the child sees `disconnect` and stops itself the way Ctrl-C would, with SIGTERM.
//
// JavaScript, not TypeScript: the first .ts file a process imports loads Node's type stripper, which cost a
// service started from the bundle (scripts/bundle-services.ts), which has no other .ts file, 30-40 ms of CPU
// and of its start (110 ms without the compile cache), five times over in `npm start`.
if (process.channel) {
  // The channel carries no messages; it must not keep a child alive that has finished its work.
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
