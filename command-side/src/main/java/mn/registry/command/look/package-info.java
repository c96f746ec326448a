/**
 * The command side's answers to the pages: an aggregate asked what it would accept now, read as a command would read it and never written
 * (ADR 0065; ADR 0035 item 75).
 */
package mn.registry.command.look;
