/**
 * The working-day calendar of domain-rules §2 (Asia/Ulaanbaatar), 2000-2100: fixed holidays as rules, lunar holidays
 * as dated data, confirmed by the Government or computed (provisional), Government declarations as versions,
 * deadlines, terms. Pure Java; may use kernel.problem and Jackson (to read its data).
 */
package mn.registry.kernel.calendar;
