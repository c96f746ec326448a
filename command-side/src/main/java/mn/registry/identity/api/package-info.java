/**
 * What identity offers other contexts beyond the kernel's published language (ADR 0013 Layout): granting and revoking
 * a role.
 */
package mn.registry.identity.api;
