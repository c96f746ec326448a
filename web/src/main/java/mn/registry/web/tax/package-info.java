/** The tax officer's page: active permits and the request to suspend one (002 art. 28.1). */
package mn.registry.web.tax;
