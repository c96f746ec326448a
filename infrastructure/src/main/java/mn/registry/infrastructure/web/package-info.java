/**
 * HTTP concerns both sides share: every refusal answered as {@code application/problem+json} with
 * a stable code, the field and the article, and never a stack trace.
 */
package mn.registry.infrastructure.web;
