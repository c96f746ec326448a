package mn.registry.kernel.permit;

/**
 * One document named in a signed {@link ApplyForPermit}: its kind and the SHA-256 (lower-case hex)
 * of the original bytes uploaded beforehand to {@code POST /api/documents}. Signing the hash signs the bytes.
 */
public record SubmittedDocument(RequiredDocument kind, String sha256) {
}
