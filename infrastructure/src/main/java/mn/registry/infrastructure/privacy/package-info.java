/**
 * The personal data vault: one AES key per person in its own collection (never in events), destroyed on erasure;
 * and the log of staff reads of personal data with their purpose (001 art. 53.1).
 */
package mn.registry.infrastructure.privacy;
