/**
 * The registry's own keys (seal, checkpoint, time-stamp authority, demo CA) and, in demo mode, the
 * demo people's keys, created under the data directory on first start and never logged.
 */
package mn.registry.infrastructure.keys;
