/**
 * The MongoDB client: the in-process embedded server persisting under the data directory by
 * default, or the server named by {@code MONGODB_URI}. Only the official driver talks to either.
 */
package mn.registry.infrastructure.mongo;
