package mn.registry.permit.api;

import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.PermitDuty;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Sent by the registry (never signed by a person) when a time-stamped checkpoint of the transparency log covers the
 * entry of a PermitIssued or PermitExtended event: the publication duty (002 art. 26.4, 27.6) is done at the
 * checkpoint's time. Idempotent: a duty no longer open ignores it.
 *
 * @param treeSize        the size of the first checkpoint that covers the entry
 * @param checkpointSha256 SHA-256 (hex) of that checkpoint's signed note, kept as evidence
 * @param publishedAt     the checkpoint's time-stamp
 */
public record PublishedByCheckpoint(@TargetAggregateIdentifier ApplicationId applicationId, PermitDuty duty, long treeSize,
                                    String checkpointSha256, Instant publishedAt) {
}
