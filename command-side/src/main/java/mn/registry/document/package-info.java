/**
 * The document store: applicants' originals kept in their bytes, unaltered, under their SHA-256 with
 * size, media type and time of receipt (001 art. 38.1, 15.6), uploaded by signed-in people; uploads no command cites
 * expire (ADR 0014). Uses MongoDB, Spring Web, the kernel and the infrastructure's sessions.
 */
package mn.registry.document;
