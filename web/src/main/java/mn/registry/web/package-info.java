/**
 * What every page of the registry's web site shares: languages (Mongolian, English), security headers (a strict
 * Content-Security-Policy), the staff session cookie, CSRF tokens for forms and dates in Ulaanbaatar time with working
 * days. Uses the infrastructure (sessions, calendar) and the kernel; never the command side.
 */
package mn.registry.web;
