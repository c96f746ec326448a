package mn.registry.document;

import mn.registry.infrastructure.identity.Actor;

import java.time.Instant;

/**
 * An act an upload is made for (ADR 0035 item 76; abuse audit F380, was O198): the uploader names the record whose act the document is for
 * ({@code POST /api/documents?for=}), and the sweep of uncited documents keeps such a document past the retention while that act may still
 * cite it, as the register that records the act answers. Each upload still counts against its uploader's quota (ADR 0014).
 */
public interface UploadForAnAct {

    /** Whether {@code uploader} may name {@code record} (else the upload is stored as any other, for no act). */
    boolean mayName(Actor uploader, String record);

    /** Whether the act of {@code record} may still cite a document the registry received at {@code receivedAt}: then it is kept. */
    boolean stillCitable(String record, Instant receivedAt);
}
