package mn.registry.kernel.freezone;

/** A document of 003 art. 12.1 as submitted: its kind and the SHA-256 (hex) of the bytes uploaded to the registry. */
public record SubmittedZoneDocument(ZoneDocument kind, String sha256) {
}
