/**
 * Personal data of natural persons: inside events, encrypted with a per-person key (AES-256-GCM) so that destroying
 * the key erases it without touching a sealed event (architecture.md "Personal data"; domain-rules §5); in published
 * free text, refused before it is sealed ({@link mn.registry.kernel.privacy.PublishedText},
 * {@link mn.registry.kernel.privacy.PublishedTextScreen}, ADR 0013 §8). Pure Java, no Spring.
 */
package mn.registry.kernel.privacy;
