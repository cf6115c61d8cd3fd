/**
 * Accounts: registration, passwords, web sessions with CSRF protection, API tokens, login
 * throttling, teacher approval (invite codes, the administrator's page and command), and the
 * guards other features put in front of their routes.
 */
package com.jiangxin.account;
