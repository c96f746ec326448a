/**
 * Money, the one amount-with-currency of both laws (permit insurance, 002 art. 26.5; land fees and investments,
 * 003): a non-negative BigDecimal and an ISO 4217 currency, written as {@code {"amount":…,"currency":…}} (ADR 0022).
 */
package mn.registry.kernel.money;
