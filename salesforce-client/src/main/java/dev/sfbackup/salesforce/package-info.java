/** A client for Salesforce's REST and Bulk API 2.0, written against the documented protocol. */
package dev.sfbackup.salesforce;
