/**
 * The document store: applicants' originals kept in their bytes, unaltered, under their SHA-256 with
 * size, media type and time of receipt (001 art. 38.1, 15.6). Uses MongoDB, Spring Web and the kernel.
 */
package mn.registry.document;
