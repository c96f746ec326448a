/**
 * The single-process registry: both sides in one JVM, plus the command-line tools
 * ({@code sign}, {@code verify-store}) that registry.jar dispatches to.
 */
package mn.registry.standalone;
