export interface RouteMethods {
  /** The URL pattern as in the app folder: `/api/v1/cases/[id]/transitions`. */
  route: string;
  methods: string[];
}
export declare function routeMethods(appDir?: string): RouteMethods[];
export declare function exportedMethods(source: string): string[];
export declare const METHODS: readonly string[];
export declare const OTHER_METHOD: string;
