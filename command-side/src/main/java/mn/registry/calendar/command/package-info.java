/**
 * Government calendar declarations (domain-rules §2): an authorised official records a declared
 * public holiday or working day as a signed command; each becomes an event and a new calendar version.
 */
package mn.registry.calendar.command;
