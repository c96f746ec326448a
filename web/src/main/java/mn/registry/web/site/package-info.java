/**
 * The public pages, no login, server-rendered so they work without JavaScript: home, published decisions from the
 * transparency log with their history, and "verify this decision" (checked in the browser against the log key).
 */
package mn.registry.web.site;
