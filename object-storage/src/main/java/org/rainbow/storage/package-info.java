/** Object storage for the master dataset: a port and one adapter per engine (local filesystem, GCS). */
package org.rainbow.storage;
