/**
 * The working-day calendar the registry acts on now: the kernel's base calendar plus every
 * Government declaration stored as an event. Both sides read it; only events change it.
 */
package mn.registry.infrastructure.calendar;
