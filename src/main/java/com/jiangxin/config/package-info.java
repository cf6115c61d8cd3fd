/**
 * The settings, read once from the environment with defaults, and what reading them needs (the LAN
 * address, folders on the class path, a command's arguments); it names no feature, so every package may use it.
 * Also starts Vert.x alone or as one node of a cluster ({@link com.jiangxin.config.ClusterSetup}).
 */
package com.jiangxin.config;
