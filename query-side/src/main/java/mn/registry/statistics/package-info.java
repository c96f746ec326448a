/**
 * Statistics and the measured service level (002 art. 22.1.2; 002 art. 26.1, 27.5; 003 art. 12.2): counts of permits
 * issued, extended, suspended, restored, revoked and expired and of certificates reported issued, per month and
 * year; for each legal deadline the decisions that met it and the working days they took beside the statutory
 * limit. Facts kept by an Axon projection ({@code stat_facts}, no personal data), aggregated on reading; JSON and
 * CSV at {@code /api/public/statistics}. Uses the kernel and the infrastructure's calendar.
 */
package mn.registry.statistics;
