/**
 * What the permit context accepts from other contexts beyond the kernel's published language (ADR 0013 Layout): the
 * internal command the log sends when a checkpoint publishes a grant or an extension.
 */
package mn.registry.permit.api;
