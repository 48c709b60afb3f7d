/** Contract records exchanged between the services over REST. Records only: no logic lives here. */
package dev.sfbackup.api;
