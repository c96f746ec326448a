package mn.registry.document;

import mn.registry.kernel.permit.DocumentRef;
import mn.registry.kernel.permit.RequiredDocument;

import java.time.Instant;

/**
 * What the store knows of one original: its hash, size, media type, the file name it came with
 * (or {@code null}) and when the registry first received these bytes.
 */
public record StoredDocument(String sha256, long size, String mediaType, String fileName, Instant receivedAt) {

    /** This document submitted as the given document of 002 art. 25.1: by kind and hash, never by its file name. */
    public DocumentRef as(RequiredDocument kind) {
        return new DocumentRef(kind, sha256, size, mediaType, receivedAt);
    }
}
