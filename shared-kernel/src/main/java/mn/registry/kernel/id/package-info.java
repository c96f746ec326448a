/** What every typed identifier of the published language shares ({@link mn.registry.kernel.id.TypedId}). */
package mn.registry.kernel.id;
