/**
 * Demo mode only ({@code registry.demo=true}): a supervisor moves the registry clock forward by a signed command so
 * a person can watch deadlines fall due. May use the command API, the registry clock and the deadline service.
 */
package mn.registry.demo;
