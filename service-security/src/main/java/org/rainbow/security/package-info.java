/** Who may call a Rainbow service's write and operator routes, and the problem bodies of those who may not. */
package org.rainbow.security;
