/**
 * The working-day calendar of domain-rules §2 (Asia/Ulaanbaatar): fixed holidays as rules, lunar holidays
 * as dated data, Government declarations as versions, deadlines, terms. Pure Java; may use kernel.problem and Jackson (to read its data).
 */
package mn.registry.kernel.calendar;
