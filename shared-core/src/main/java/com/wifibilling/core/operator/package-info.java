/** What an operator looks up across tables: a user with their sessions and purchases, through indexes only. */
package com.wifibilling.core.operator;
