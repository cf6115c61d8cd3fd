/**
 * Accounts: registration, passwords, web sessions with CSRF protection, API tokens, login
 * throttling, and the guards other features put in front of their routes.
 */
package com.jiangxin.account;
