/**
 * Times as the registry writes them: {@link mn.registry.kernel.time.IsoUtcText} reads the one ISO-8601 UTC form the store writes
 * and the envelope admits by hand, on the two hot paths that read it (a stored event's timestamp, ADR 0030; an envelope's
 * {@code signedAt}, ADR 0070 item 24). The JDK only.
 */
package mn.registry.kernel.time;
