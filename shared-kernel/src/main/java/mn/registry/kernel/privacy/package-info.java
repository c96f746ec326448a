/**
 * Personal data of natural persons inside events, encrypted with a per-person key (AES-256-GCM) so that destroying
 * the key erases it without touching a sealed event (architecture.md "Personal data"; domain-rules §5).
 */
package mn.registry.kernel.privacy;
