/**
 * The trusted list of certification service providers, derived from the register of special permits (issue 6 item
 * 4, in the spirit of ETSI TS 119 612): each provider's service, its status over time, and the signed JSON document
 * published at {@code /api/public/trusted-list}, with its offline check.
 */
package mn.registry.kernel.trust;
