/** Engine choice by configuration: object storage, warehouse and the Rainbow source database. */
package org.rainbow.pipeline.config;
