/** The state communications inspector's page: the permits in force and the inspection opinion form (002 art. 28.1, 31.1.7). */
package mn.registry.web.inspector;
