import { createContext, useContext } from 'react';

/**
 * The plan year every view is filtered by (0: all years). It lives in the URL (url-state.ts `year`);
 * App provides it once and each view's question passes it on as its `year` argument (`yearVariable`),
 * so all views filter the same way: the server keeps them to that year's documents (api/years/scope.ts).
 */
export const YearContext = createContext(0);

export const useYear = () => useContext(YearContext);

/** The year as a GraphQL variable: null for all years. */
export const yearVariable = (year: number) => (year > 0 ? year : null);
