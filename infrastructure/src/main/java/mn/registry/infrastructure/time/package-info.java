/**
 * The registry's clock: real time in production; in demo mode it can be moved forward so a
 * person can watch deadlines fall due. Aggregates never read it: time reaches them in commands.
 */
package mn.registry.infrastructure.time;
