/**
 * The public calendar endpoints: due dates by the working-day rule of domain-rules §2, for people
 * and tools. Reads the calendar in force; changes nothing.
 */
package mn.registry.calendar.query;
